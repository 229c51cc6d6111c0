package fr.prevexp.engine;

/** An act the procedure does not allow at the dossier's current stage (<i>acte refusé à cette étape</i>). */
public class ActRefusedException extends RuntimeException {
    private final Stage stage;
    private final String act;
    private final String reason;

    public ActRefusedException(Stage stage, String act, String reason) {
        super(act + " refusé à l'étape " + stage + " (" + stage.french() + ") : " + reason);
        this.stage = stage;
        this.act = act;
        this.reason = reason;
    }

    public Stage stage() { return stage; }

    public String act() { return act; }

    /** Why the procedure does not allow the act at this stage. */
    public String reason() { return reason; }
}
