export { registrySubgraph } from './server.js';
export { registryDatabase } from './mikro-orm.config.js';
export { loadRegionTree } from './modules/region/region-tree.loader.js';
export { EXPECTED_REGION_COUNT } from './modules/region/region-tree.source.js';
export { withCheckCharacter } from './modules/market-entity/credit-code.js';
export { FORM_COLUMNS } from './modules/member-import/registration-form.columns.js';
export { readRegistrationForm, formatOfFile, type FormFormat } from './modules/member-import/registration-form.reader.js';
export { writeRegistrationForm, type FormValues } from './modules/member-import/registration-form.writer.js';
export { importPartyMembers, type ImportProgress } from './modules/member-import/member-import.service.js';
