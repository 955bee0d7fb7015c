-- Tracing: the W3C trace context the reviewer was assigned in (the case's trace, from its submission on), so that
-- the determination, recorded later in a request of its own, continues that trace. Null while tracing is off.
alter table review add column traceparent text;
alter table review add column tracestate text;
