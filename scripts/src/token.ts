/** npm run -s token -- <region> [role[,role]] — prints a development token (HS256, 12 h). */
import { parseArgs } from 'node:util';
import {
  DEV_TOKEN_COMMAND,
  isDivisionAboveVillage,
  isRegionCode,
  parseEnv,
  Roles,
  signDevToken,
  type Role,
} from '@xgz/kit';
import { isKnownRegionCode } from '@xgz/registry';
import { CliError, runCli } from './cli.js';

const usage = `Usage: ${DEV_TOKEN_COMMAND} <region code> [${Roles.join('|')}[,…]]
Prints a development token (HS256, valid 12 h) for a region of the division tree and one or more
roles (default admin), signed with this installation's secret, e.g. ${DEV_TOKEN_COMMAND} 3301 official`;

await runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [regionCode, roleList = 'admin', ...extra] = positionals;
  if (!regionCode || extra.length) throw new CliError(`expected a region code and optional roles.\n${usage}`, [], 2);
  if (!isRegionCode(regionCode))
    throw new CliError(`${regionCode} is not a division code: use 2, 4, 6, 9 or 12 digits (e.g. 33, 3301, 330106).`);
  if (!(await isKnownRegionCode(regionCode)))
    throw new CliError(`${regionCode} is not a region of the division tree (e.g. 33 is 浙江省, 3301 is 杭州市).`);
  if (!isDivisionAboveVillage(regionCode))
    throw new CliError(
      `${regionCode} is a village: a token names a province, city, county or township (e.g. ${regionCode.slice(0, 9)}).`,
    );
  const roles = roleList.split(',') as Role[];
  const unknown = roles.filter((role) => !Roles.includes(role));
  if (unknown.length) throw new CliError(`unknown role(s) ${unknown.join(', ')}: use ${Roles.join(', ')}.`);
  console.log(await signDevToken(parseEnv({}), { regionCode, roles }));
});
