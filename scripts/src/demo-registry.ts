import {
  openAppOrm,
  regionScopedEntityManager,
  subgraphRoles,
  withConnection,
  type SharedEnv,
  type Viewer,
} from '@xgz/kit';
import {
  changeMarketEntityStatus,
  FeedbackStep,
  importPartyMembers,
  MarketEntityTable,
  MarketEntityStatus,
  PartyMemberEntity,
  recordFeedbackStep,
  recordSanliang,
  registryDatabase,
  RelationshipType,
  type FormValues,
} from '@xgz/registry';
import { sampleRegistrationForm } from './sample-form.js';
import { seededRandom } from './seeded-random.js';

/** Cities the demo registry covers: 杭州 (Zhejiang), 海口 (Hainan), 东莞 (Guangdong) — as in the seed documents. */
const DEMO_CITIES = ['3301', '4601', '4419'];
const MEMBERS_PER_CITY = 1_200;

const toForm = (rows: FormValues[]) => rows.map((values, index) => ({ rowNumber: index + 2, values }));

/**
 * Deterministic registry demo data (seed 2016): members and their units imported through the
 * registration-form import, then dated 三亮, suspensions and floating-member feedback chains, all
 * through the same services the API uses, so every figure is consistent. Skipped when members exist.
 */
export async function seedRegistryDemo(adminUrl: string, env: SharedEnv, seed = 2016): Promise<number> {
  const owner = subgraphRoles(adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl;
  const existing = await withConnection(owner, async (client) =>
    Number((await client.query('select count(*) from party_member')).rows[0].count),
  );
  if (existing > 0) return 0;
  const orm = await openAppOrm(registryDatabase, { adminUrl, rolePassword: env.DB_ROLE_PASSWORD });
  const random = seededRandom(seed);
  let imported = 0;
  try {
    for (const city of DEMO_CITIES) {
      const viewer: Viewer = { subject: 'demo-seed', regionCode: city, roles: ['admin'] };
      const em = () => regionScopedEntityManager(orm, city);
      const townships = await withConnection(owner, async (client) =>
        (
          await client.query<{ code: string }>(
            `select code from region where level = 'TOWNSHIP' and starts_with(code, $1) order by code`,
            [city],
          )
        ).rows.map((r) => r.code),
      );
      const form = sampleRegistrationForm(MEMBERS_PER_CITY, townships.slice(0, 40), seed + Number(city));
      imported += (await importPartyMembers(em(), viewer, toForm(form), { regionCode: city })).imported ?? 0;

      const members = await em().find(
        PartyMemberEntity,
        { regionCode: { $like: `${city}%` } },
        { orderBy: { id: 'asc' } },
      );
      for (const member of members) {
        const year = Number(member.registeredOn.slice(0, 4));
        if (year >= 2025) continue;
        if (random.next() < 0.4) {
          await recordSanliang(
            em(),
            viewer,
            member.id,
            random.pick(['诚信经营，童叟无欺', '亮身份、亮承诺、亮形象', '不卖假货，服务群众']),
            `${year + 1}-05-20`,
          );
        }
        if (member.relationshipType === RelationshipType.FLOATING && random.next() < 0.6) {
          const steps: [FeedbackStep, string, Record<string, string>][] = [
            [FeedbackStep.REGISTERED, `${year + 1}-06-01`, {}],
            [
              FeedbackStep.IDENTITY_CONFIRMED,
              `${year + 1}-06-20`,
              { handledBy: '户籍地村党支部', proofReference: `证明${year + 1}-${member.id.slice(0, 4)}` },
            ],
            [FeedbackStep.PARTICIPATION, `${year + 1}-07-01`, { note: '七一主题党日' }],
            [
              FeedbackStep.EVALUATION_SENT,
              `${year + 1}-11-20`,
              { handledBy: '分会党支部书记', note: '积极参加组织生活，诚信经营' },
            ],
            [
              FeedbackStep.RECEIPT_RETURNED,
              `${year + 1}-12-20`,
              { proofReference: `回执${year + 1}-${member.id.slice(0, 4)}` },
            ],
          ];
          const howFar = random.integer(1, steps.length);
          for (const [step, occurredOn, details] of steps.slice(0, howFar)) {
            await recordFeedbackStep(em(), viewer, { memberId: member.id, step, occurredOn, ...details });
          }
        }
      }
      const units = await em().find(
        MarketEntityTable,
        { regionCode: { $like: `${city}%` } },
        { orderBy: { id: 'asc' } },
      );
      for (const unit of units) {
        if (random.next() < 0.08 && Number(unit.lastChangeOn.slice(0, 4)) < 2024) {
          await changeMarketEntityStatus(
            em(),
            viewer,
            unit.id,
            MarketEntityStatus.SUSPENDED,
            `${Number(unit.lastChangeOn.slice(0, 4)) + 1}-09-01`,
          );
        }
      }
    }
  } finally {
    await orm.close();
  }
  return imported;
}
