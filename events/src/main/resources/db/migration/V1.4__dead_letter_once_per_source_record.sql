-- A record of a source topic is one dead letter, however often it reaches the dead-letter topic: a consumer that
-- reads it again (a rebuild from the start of the topic, a redelivery after a crash) and refuses it again makes no
-- second row and no second announcement. A replay sends the record again at a new offset: a new source record.
-- Rows left twice by earlier versions keep their first.
delete from dead_letter later using dead_letter first
 where later.dlq_topic = first.dlq_topic and later.source_topic = first.source_topic
   and later.source_partition = first.source_partition and later.source_offset = first.source_offset
   and later.id > first.id;
create unique index dead_letter_source_record on dead_letter (dlq_topic, source_topic, source_partition, source_offset);
