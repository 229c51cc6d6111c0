package fr.prevexp.processes.layout;

import fr.prevexp.engine.ActType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.*;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import java.io.File;
import java.util.*;

/**
 * Lays the procedure's BPMN diagram out again (<i>mise en page du diagramme</i>), from the process
 * structure alone: the diagram interchange section (BPMNDiagram) is thrown away and rebuilt. The
 * main flow comes first; then each event subprocess, one below the other, in the order of the
 * procedure: by the act that starts it, in the vocabulary's order ({@link ActType}: opening, unpaid
 * rent, CCAPEX, payment order, summons... eviction), the subprocesses started otherwise (timers,
 * conditions) last. Inside a container, a flow node's column is its distance from the container's
 * start, nodes of a column stacked in the order they are reached; a boundary event sits on its
 * host's lower edge; flows are drawn with right angles.
 *
 * <p>Run it on the model (it rewrites the file):
 * {@code mvn -B -ntp -o -pl processes -am test -Dtest=ProcedureLayoutTest -Dsurefire.failIfNoSpecifiedTests=false -Dprevexp.layout.write=true},
 * or {@link #main} with the input and output files.
 */
public final class ProcedureLayout {
    static final int COLUMN = 170, ROW = 130, PAD = 40, GAP = 60;

    private final BpmnModelInstance model;
    private final Map<String, double[]> placed = new HashMap<>();   // id -> x, y, width, height
    private BpmnPlane plane;

    private ProcedureLayout(BpmnModelInstance model) {
        this.model = model;
    }

    public static void main(String[] args) {
        if (args.length != 2) throw new IllegalArgumentException("usage: ProcedureLayout <in.bpmn> <out.bpmn>");
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(args[0]));
        layOut(model);
        Bpmn.writeModelToFile(new File(args[1]), model);
    }

    /** Replaces the model's diagram with the laid-out one. */
    public static BpmnModelInstance layOut(BpmnModelInstance model) {
        new ProcedureLayout(model).run();
        return model;
    }

    /** The event subprocesses in the order of the procedure (the act that starts each, in ActType order). */
    public static List<SubProcess> inProcedureOrder(Process process) {
        List<SubProcess> subs = new ArrayList<>(process.getChildElementsByType(SubProcess.class));
        subs.sort(Comparator.comparingInt(ProcedureLayout::rank).thenComparing(SubProcess::getId));
        return subs;
    }

    static int rank(SubProcess sub) {
        for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
            for (EventDefinition d : start.getEventDefinitions()) {
                if (d instanceof MessageEventDefinition m && m.getMessage() != null) {
                    return ActType.ofTypeName(m.getMessage().getName()).map(Enum::ordinal).orElse(ActType.values().length);
                }
            }
        }
        return ActType.values().length + 1;
    }

    private void run() {
        Definitions definitions = model.getDefinitions();
        new ArrayList<>(definitions.getChildElementsByType(BpmnDiagram.class)).forEach(definitions::removeChildElement);
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
        diagram.setId("BPMNDiagram_" + process.getId());
        definitions.addChildElement(diagram);
        plane = model.newInstance(BpmnPlane.class);
        plane.setId("BPMNPlane_" + process.getId());
        plane.setBpmnElement(process);
        diagram.setBpmnPlane(plane);

        double y = PAD;
        double[] size = container(process, PAD, y);
        y += size[1] + GAP;
        for (SubProcess sub : inProcedureOrder(process)) {
            double[] inner = measure(sub);
            shape(sub, PAD, y, inner[0] + 2 * PAD, inner[1] + 2 * PAD, true);
            container(sub, 2 * PAD, y + PAD);
            y += inner[1] + 2 * PAD + GAP;
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) edge(flow);
    }

    /** Columns and rows of a container's flow nodes (not its subprocesses' nodes, not boundary events). */
    private Map<FlowNode, int[]> grid(BaseElement container) {
        List<FlowNode> nodes = new ArrayList<>();
        for (FlowNode n : container.getChildElementsByType(FlowNode.class)) {
            if (!(n instanceof BoundaryEvent) && !(n instanceof SubProcess && ((SubProcess) n).triggeredByEvent())) nodes.add(n);
        }
        Map<FlowNode, Integer> column = new LinkedHashMap<>();
        Deque<FlowNode> queue = new ArrayDeque<>();
        for (FlowNode n : nodes) {
            if (n.getIncoming().isEmpty()) {
                column.put(n, 0);
                queue.add(n);
            }
        }
        while (true) {
            while (!queue.isEmpty()) {
                FlowNode n = queue.poll();
                List<SequenceFlow> out = new ArrayList<>(n.getOutgoing());
                for (BoundaryEvent b : boundaries(n)) out.addAll(b.getOutgoing());
                for (SequenceFlow f : out) {
                    FlowNode target = f.getTarget();
                    if (!nodes.contains(target) || column.containsKey(target)) continue;
                    column.put(target, column.get(n) + 1);
                    queue.add(target);
                }
            }
            Optional<FlowNode> unreached = nodes.stream().filter(n -> !column.containsKey(n)).findFirst();
            if (unreached.isEmpty()) break;
            column.put(unreached.get(), 0);
            queue.add(unreached.get());
        }
        Map<FlowNode, int[]> cells = new LinkedHashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        column.forEach((n, c) -> cells.put(n, new int[]{c, rows.merge(c, 1, Integer::sum) - 1}));
        return cells;
    }

    private double[] measure(BaseElement container) {
        Map<FlowNode, int[]> cells = grid(container);
        int columns = cells.values().stream().mapToInt(c -> c[0]).max().orElse(0) + 1;
        int rows = cells.values().stream().mapToInt(c -> c[1]).max().orElse(0) + 1;
        return new double[]{columns * COLUMN, rows * ROW};
    }

    private double[] container(BaseElement container, double x0, double y0) {
        Map<FlowNode, int[]> cells = grid(container);
        cells.forEach((n, cell) -> {
            double[] size = size(n);
            double x = x0 + cell[0] * COLUMN + (COLUMN - GAP / 2.0 - size[0]) / 2;
            double y = y0 + cell[1] * ROW + (ROW - size[1]) / 2;
            shape(n, x, y, size[0], size[1], false);
            int i = 0;
            for (BoundaryEvent b : boundaries(n)) {
                shape(b, x + 8 + 40 * i++, y + size[1] - 18, 36, 36, false);
            }
        });
        return measure(container);
    }

    private List<BoundaryEvent> boundaries(FlowNode host) {
        List<BoundaryEvent> list = new ArrayList<>();
        for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) if (b.getAttachedTo() == host) list.add(b);
        return list;
    }

    private static double[] size(FlowNode n) {
        if (n instanceof Event) return new double[]{36, 36};
        if (n instanceof Gateway) return new double[]{50, 50};
        return new double[]{110, 80};
    }

    private void shape(BaseElement element, double x, double y, double w, double h, boolean expanded) {
        BpmnShape shape = model.newInstance(BpmnShape.class);
        shape.setId(element.getId() + "_di");
        shape.setBpmnElement(element);
        if (expanded) shape.setExpanded(true);
        if (element instanceof ExclusiveGateway) shape.setMarkerVisible(true);
        Bounds bounds = model.newInstance(Bounds.class);
        bounds.setX(x);
        bounds.setY(y);
        bounds.setWidth(w);
        bounds.setHeight(h);
        shape.setBounds(bounds);
        plane.addChildElement(shape);
        placed.put(element.getId(), new double[]{x, y, w, h});
    }

    private void edge(SequenceFlow flow) {
        double[] s = placed.get(flow.getSource().getId()), t = placed.get(flow.getTarget().getId());
        if (s == null || t == null) return;
        BpmnEdge edge = model.newInstance(BpmnEdge.class);
        edge.setId(flow.getId() + "_di");
        edge.setBpmnElement(flow);
        List<double[]> points = new ArrayList<>();
        double sy = s[1] + s[3] / 2, ty = t[1] + t[3] / 2;
        if (t[0] > s[0] + s[2]) {                       // forward: right side to left side, one bend in the gap
            double mid = t[0] - GAP / 2.0 + 10;
            points.add(new double[]{s[0] + s[2], sy});
            if (sy != ty) {
                points.add(new double[]{mid, sy});
                points.add(new double[]{mid, ty});
            }
            points.add(new double[]{t[0], ty});
        } else {                                        // back or same column: under both
            double below = Math.max(s[1] + s[3], t[1] + t[3]) + 20;
            points.add(new double[]{s[0] + s[2] / 2, s[1] + s[3]});
            points.add(new double[]{s[0] + s[2] / 2, below});
            points.add(new double[]{t[0] + t[2] / 2, below});
            points.add(new double[]{t[0] + t[2] / 2, t[1] + t[3]});
        }
        for (double[] p : points) {
            Waypoint w = model.newInstance(Waypoint.class);
            w.setX(p[0]);
            w.setY(p[1]);
            edge.addChildElement(w);
        }
        plane.addChildElement(edge);
    }
}
