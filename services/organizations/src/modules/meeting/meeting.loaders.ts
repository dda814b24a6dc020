import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MeetingAttendanceEntity, type MeetingAttendanceRow } from './meeting.entity.js';

/** Attendance of each meeting (rows the viewer's region may see), present first. */
export const createMeetingLoaders = (em: EntityManager) => ({
  attendance: new DataLoader<string, MeetingAttendanceRow[]>(async (ids) => {
    const rows = await em.find(
      MeetingAttendanceEntity,
      { meetingId: { $in: [...ids] } },
      { orderBy: { present: 'desc', memberId: 'asc' } },
    );
    const byMeeting = new Map(ids.map((id) => [id, [] as MeetingAttendanceRow[]]));
    for (const row of rows) byMeeting.get(row.meetingId)?.push(row);
    return ids.map((id) => byMeeting.get(id)!);
  }),
});
