-- Tracing: the W3C trace context of the span that appended the event (traceparent, and tracestate if the trace has
-- one), kept in the event's transaction and sent on by the relay as the Kafka headers of the same names, so that the
-- consumers continue the trace. Null while tracing is off. Text, so that tracing can never make an insert fail.
alter table event_outbox add column traceparent text;
alter table event_outbox add column tracestate text;
