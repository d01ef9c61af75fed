import type { Deadline, TaskStatus } from '../report/schema';

/**
 * A task's status on a given day. Done wins; a dated task is overdue the day after its due date; a recurring
 * task is ongoing all year; a task whose date is set by someone else, or not yet due, is pending.
 */
export function taskStatus(deadline: Deadline, done: boolean, asOf: string): TaskStatus {
  if (done) return 'done';
  if (deadline.kind === 'date' && deadline.due !== null && deadline.due < asOf) return 'overdue';
  if (deadline.kind === 'recurring') return 'ongoing';
  return 'pending';
}
