/**
 * Phrases that name a person by office rather than name. Whom they name
 * depends on the date, so they are resolved per document (through the
 * summit's participants), never listed as a person's name.
 * `leader`: a head of state or government, found among summit participants;
 * other offices are matched against people the document names.
 */
export interface RolePhrase {
  form: string;
  country: string;
  leader: boolean;
}

const COUNTRIES: [string, string][] = [
  ['Nga', 'RU'],
  ['Mỹ', 'US'],
  ['Hoa Kỳ', 'US'],
  ['Ukraine', 'UA'],
  ['Liên Xô', 'SU'],
];
const LEADER_TITLES = ['Tổng thống', 'nhà lãnh đạo', 'lãnh đạo', 'người đồng cấp', 'đồng cấp', 'Tổng Bí thư', 'Thủ tướng'];
const OFFICE_TITLES = ['Ngoại trưởng', 'Bộ trưởng Ngoại giao', 'Đặc phái viên', 'đặc phái viên'];

export const ROLE_PHRASES: RolePhrase[] = [
  ...COUNTRIES.flatMap(([name, country]) => LEADER_TITLES.map((t) => ({ form: `${t} ${name}`, country, leader: true }))),
  ...COUNTRIES.flatMap(([name, country]) => OFFICE_TITLES.map((t) => ({ form: `${t} ${name}`, country, leader: false }))),
  { form: 'ông chủ Điện Kremlin', country: 'RU', leader: true },
  { form: 'ông chủ Nhà Trắng', country: 'US', leader: true },
  { form: 'chủ nhân Nhà Trắng', country: 'US', leader: true },
  { form: 'chủ nhân Điện Kremlin', country: 'RU', leader: true },
];

/** Titles with no country that only prefix a name (`người đồng cấp Putin`, `Tổng thống Trump`). */
export const NAME_PREFIXES = ['Tổng thống', 'người đồng cấp', 'đồng cấp', 'nhà lãnh đạo', 'lãnh đạo', 'Ngoại trưởng', 'ông', 'bà', 'ngài', 'Ông', 'Bà', 'Ngài'];

/** Words that stand for an already-named person (`ông nói`, `vị Tổng thống cũng nói`). */
export const PRONOUNS = ['ông ấy', 'bà ấy', 'ông', 'bà', 'vị Tổng thống', 'vị này', 'người này', 'nhà lãnh đạo này', 'ngài'];
