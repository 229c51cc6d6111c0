package fr.prevexp.api.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * What a processor does with an event its handler failed on. A passing failure
 * ({@link TransientFailures}) is not parked: the failure is thrown on, the processor rolls the
 * event back and retries it with back-off (as it did for every error before the dead-letter queue).
 * Any other failure parks the dossier: the event goes to the group's dead-letter queue, and the
 * dossier's later events wait behind it until a retry gets through. When the failing event is one
 * being retried from the queue, it stays parked whatever the failure (the next retry takes it).
 */
public class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Thrown instead of parking: the processor's own retry takes the event again. */
    public static class PassingFailure extends RuntimeException {
        PassingFailure(Throwable cause) {
            super("Passing failure, the event will be retried by its processor: " + cause, cause);
        }
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientFailures.isTransient(cause) && !retryingFromQueue()) throw new PassingFailure(cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    /** Axon processes a dead letter in a unit of work that holds the letter as a resource. */
    private static boolean retryingFromQueue() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }
}
