import { defineModule, type SubgraphModule } from '@xgz/kit';
import { MeetingAttendanceEntity, MeetingEntity } from './meeting.entity.js';
import { createMeetingLoaders } from './meeting.loaders.js';
import { MeetingResolver } from './meeting.resolver.js';
import { OrganizationMeetingsResolver } from './organization-meetings.resolver.js';

type Loaders = { meetings: ReturnType<typeof createMeetingLoaders> };

/** Meetings of 三会一课 (general meeting, committee, group meeting, party lecture), planned and held. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const meetingModule: SubgraphModule<Loaders> = defineModule({
  name: 'meeting',
  entities: [MeetingEntity, MeetingAttendanceEntity],
  resolvers: [MeetingResolver, OrganizationMeetingsResolver],
  loaders: (em) => ({ meetings: createMeetingLoaders(em) }),
  uses: ['audit'],
  textRules: {
    /** A meeting's decisions (决议), several lines. */
    decisions: { maxLength: 4_000, multiline: true },
  },
});
