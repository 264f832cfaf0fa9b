-- A frozen agenda is a record of what was on the table, kept as snapshots (0022): like its
-- project_id, its obstacle_id names the obstacle without holding it, so removing a project (and
-- with it its obstacles, by cascade) is not refused because a past meeting once discussed one.
alter table meeting_agenda_items drop constraint meeting_agenda_items_obstacle_id_fkey;
