/** pnpm token <region> [role[,role]] — prints a development token (HS256, 12 h). */
import { parseEnv, Roles, signDevToken, type Role } from '@xgz/kit';

const [regionCode, roleList = 'admin'] = process.argv.slice(2);
if (!regionCode) {
  console.error(`Usage: pnpm token <region code> [${Roles.join('|')}[,…]]   e.g. pnpm token 3301 admin`);
  process.exit(1);
}
const roles = roleList.split(',') as Role[];
const unknown = roles.filter((role) => !Roles.includes(role));
if (unknown.length) {
  console.error(`Unknown role(s) ${unknown.join(', ')}: use ${Roles.join(', ')}`);
  process.exit(1);
}
console.log(await signDevToken(parseEnv({}), { regionCode, roles }));
