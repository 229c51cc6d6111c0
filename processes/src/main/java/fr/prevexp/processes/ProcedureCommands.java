package fr.prevexp.processes;

import fr.prevexp.engine.command.RecordAct;

/** How the procedure records what its timers and decisions establish: commands on the dossier. */
public interface ProcedureCommands {
    void record(RecordAct command);
}
