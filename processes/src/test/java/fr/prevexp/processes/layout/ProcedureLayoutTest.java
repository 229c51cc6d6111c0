package fr.prevexp.processes.layout;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProcedureLayout} on the procedure's model: every flow node has one shape and every flow one
 * edge, the event subprocesses read top to bottom in the order of the procedure, no two shapes of a
 * container overlap, and the result is a valid BPMN file. With {@code -Dprevexp.layout.write=true}
 * it also rewrites {@code src/main/resources/bpmn/procedure-expulsion.bpmn} with the new layout.
 */
class ProcedureLayoutTest {
    static final File MODEL = new File("src/main/resources/bpmn/procedure-expulsion.bpmn");

    @TempDir
    Path dir;

    @Test
    void laysTheProcedureOutInTheOrderOfTheProcedure() {
        BpmnModelInstance model = ProcedureLayout.layOut(Bpmn.readModelFromFile(MODEL));
        File out = dir.resolve("laid-out.bpmn").toFile();
        Bpmn.writeModelToFile(out, model);
        BpmnModelInstance again = Bpmn.readModelFromFile(out);
        Bpmn.validateModel(again);

        Map<String, BpmnShape> shapes = new HashMap<>();
        for (BpmnShape s : again.getModelElementsByType(BpmnShape.class)) {
            assertThat(shapes.put(s.getBpmnElement().getId(), s)).as("one shape for " + s.getBpmnElement().getId()).isNull();
        }
        for (FlowNode n : again.getModelElementsByType(FlowNode.class)) assertThat(shapes).as("a shape for " + n.getId()).containsKey(n.getId());
        List<String> edged = again.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()).toList();
        for (SequenceFlow f : again.getModelElementsByType(SequenceFlow.class)) assertThat(edged).contains(f.getId());

        Process process = again.getModelElementsByType(Process.class).iterator().next();
        List<SubProcess> order = ProcedureLayout.inProcedureOrder(process);
        assertThat(order.get(0).getId()).isEqualTo("SubProcess_UnpaidRent");
        List<String> ids = order.stream().map(SubProcess::getId).toList();
        assertThat(ids.indexOf("SubProcess_PaymentOrder")).isLessThan(ids.indexOf("SubProcess_Summons"));
        assertThat(ids.indexOf("SubProcess_Summons")).isLessThan(ids.indexOf("SubProcess_Judgment"));
        assertThat(ids.indexOf("SubProcess_Judgment")).isLessThan(ids.indexOf("SubProcess_NoticeToQuit"));
        assertThat(ids.indexOf("SubProcess_NoticeToQuit")).isLessThan(ids.indexOf("SubProcess_PoliceAssistance"));
        assertThat(ids.indexOf("SubProcess_PoliceAssistance")).isLessThan(ids.indexOf("SubProcess_Execution"));
        double previousBottom = -1;
        for (SubProcess sub : order) {
            var b = shapes.get(sub.getId()).getBounds();
            assertThat(b.getY()).as(sub.getId() + " below the one before it").isGreaterThan(previousBottom);
            previousBottom = b.getY() + b.getHeight();
            List<BpmnShape> inside = new ArrayList<>();
            for (FlowNode n : sub.getChildElementsByType(FlowNode.class)) {
                if (!(n instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent)) inside.add(shapes.get(n.getId()));
            }
            for (int i = 0; i < inside.size(); i++) {
                var p = inside.get(i).getBounds();
                assertThat(p.getX()).isGreaterThanOrEqualTo(b.getX());
                assertThat(p.getY() + p.getHeight()).isLessThanOrEqualTo(b.getY() + b.getHeight());
                for (int j = i + 1; j < inside.size(); j++) {
                    var q = inside.get(j).getBounds();
                    boolean apart = p.getX() + p.getWidth() <= q.getX() || q.getX() + q.getWidth() <= p.getX()
                            || p.getY() + p.getHeight() <= q.getY() || q.getY() + q.getHeight() <= p.getY();
                    assertThat(apart).as(inside.get(i).getId() + " and " + inside.get(j).getId() + " overlap").isTrue();
                }
            }
        }
        if (Boolean.getBoolean("prevexp.layout.write")) Bpmn.writeModelToFile(MODEL, again);
    }
}
