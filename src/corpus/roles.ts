/**
 * Words around names that are not names. Offices (`Ngoại trưởng Mỹ`, `the US
 * secretary of state`, `пресс-секретарь Кремля`) are not listed here: they come
 * from the gazetteer's offices, whose holders' terms say who is meant on a day.
 */

/** Titles with no country that only prefix a name (`người đồng cấp Putin`, `Tổng thống Trump`). */
export const NAME_PREFIXES = ['Tổng thống', 'người đồng cấp', 'đồng cấp', 'nhà lãnh đạo', 'lãnh đạo', 'Ngoại trưởng', 'ông', 'bà', 'ngài', 'Ông', 'Bà', 'Ngài'];

const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa
  Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
  Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming`
  .split(/\s+/)
  .filter(Boolean)
  .concat(['New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Rhode Island', 'South Carolina', 'South Dakota', 'West Virginia']);

/**
 * Words that stand for someone already named: personal pronouns and the
 * nouns news uses to avoid repeating a name (`nhà ngoại giao này`, `the
 * senator`, `политолог`). They never name anyone by themselves.
 */
export const PRONOUNS = [
  // Vietnamese
  'ông ấy', 'bà ấy', 'ông', 'bà', 'ngài', 'vị Tổng thống', 'vị này', 'người này', 'nhà lãnh đạo này', 'vị ngoại trưởng',
  'nhà ngoại giao này', 'nhà ngoại giao', 'chính khách này', 'chuyên gia này', 'vị chuyên gia', 'vị nghị sĩ', 'nghị sĩ này',
  'thượng nghị sĩ này', 'vị thượng nghị sĩ', 'vị quan chức', 'quan chức này', 'vị trợ lý', 'vị đặc phái viên', 'vị cựu đại sứ',
  'nhà phân tích này', 'nhà nghiên cứu này', 'học giả này', 'chính trị gia này', 'nhà báo này', 'bộ trưởng này', 'ngoại trưởng này', 'vị bộ trưởng', 'người phát ngôn', 'cô ấy', 'cô', 'anh ấy', 'người phát ngôn này', 'phát ngôn viên này', 'vị phát ngôn viên', 'nữ phát ngôn viên', 'vị giáo sư', 'nữ chuyên gia', 'nữ nghị sĩ', 'nữ thượng nghị sĩ',
  // English
  'he', 'she', 'the minister', 'the diplomat', 'the senator', 'the analyst', 'the envoy', 'the aide', 'the official',
  'the spokesman', 'the spokeswoman', 'the former ambassador', 'the ambassador', 'the professor', 'the lawmaker',
  'the congressman', 'the congresswoman', 'the top diplomat', 'the Russian diplomat', 'the adviser', 'the advisor',
  'the former adviser', 'the former diplomat', 'the former official', 'the former envoy',
  // `Sen. Mark Warner (D-Va.) … The Virginia Democrat added`: American lawmakers by state and party.
  ...US_STATES.flatMap((state) => [`the ${state} Democrat`, `the ${state} Republican`]),
  // Russian, nominative: the subject of a speech verb
  'он', 'она', 'министр', 'дипломат', 'политолог', 'эксперт', 'аналитик', 'собеседник', 'сенатор', 'посол', 'помощник',
  'пресс-секретарь', 'российский министр', 'парламентарий', 'депутат', 'замминистра', 'замглавы', 'собеседница', 'экс-посол',
];

/** Vietnamese `anh` (he, a younger man) and `chị` (she), only in lower case: `Anh` is also England. */
export const LOWERCASE_PRONOUNS = ['anh', 'chị'];

/**
 * `người đồng cấp Nga`, `lãnh đạo Nga-Mỹ`, `his Russian counterpart`, `российский коллега`: the leader of
 * that country at the summit the sentence is about, i.e. its participant from that country. Not an
 * office: a foreign minister's counterpart is another foreign minister, so only a summit decides.
 */
export const COUNTERPARTS: { form: string; country: string }[] = [
  ...[['Nga', 'RU'], ['Mỹ', 'US'], ['Hoa Kỳ', 'US'], ['Ukraine', 'UA']].flatMap(([name, country]) => [
    { form: `người đồng cấp ${name!}`, country: country! },
    { form: `đồng cấp ${name!}`, country: country! },
    { form: `lãnh đạo ${name!}`, country: country! },
  ]),
  ...[['Russian', 'RU'], ['American', 'US'], ['US', 'US'], ['U.S.', 'US'], ['Ukrainian', 'UA']].map(([name, country]) => ({ form: `${name!} counterpart`, country: country! })),
  ...[['российск', 'RU'], ['американск', 'US'], ['украинск', 'UA']].flatMap(([stem, country]) =>
    [`${stem!}ий коллега`, `${stem!}ого коллеги`, `${stem!}ому коллеге`, `${stem!}им коллегой`].map((form) => ({ form, country: country! })),
  ),
];

/**
 * Office nouns without a country (`the secretary`, `the governor`, `госсекретарь`): news uses them for someone it has
 * just named or described by office. Unlike a bare pronoun they point back only to a person who held one of these
 * offices on the day (`Tillerson … "…," the secretary said`; never to the president quoted before him); with no such
 * person they name nobody, since the holder on the day need not be the one meant.
 */
export const OFFICE_NOUNS: { form: string; offices: string[] }[] = [
  // `the president` after Zelensky is Zelensky: any president, and with two presidents named, nobody.
  { form: 'the president', offices: ['us-president', 'ru-president', 'ua-president', 'fr-president', 'fi-president', 'ch-president', 'su-president'] },
  { form: "the nation's top diplomat", offices: ['us-secretary-of-state', 'ru-foreign-minister', 'ua-foreign-minister'] },
  { form: "the country's top diplomat", offices: ['us-secretary-of-state', 'ru-foreign-minister', 'ua-foreign-minister'] },
  { form: 'the secretary', offices: ['us-secretary-of-state', 'us-defense-secretary'] },
  { form: 'the governor', offices: ['us-alaska-governor'] },
  { form: 'the press secretary', offices: ['us-press-secretary'] },
  { form: 'госсекретарь', offices: ['us-secretary-of-state'] },
  // `— добавил помощник президента` is the aide named before, never the president whose words the aide reported.
  { form: 'помощник президента', offices: ['ru-presidential-aide', 'ru-foreign-policy-aide'] },
  { form: 'vị Ngoại trưởng Mỹ', offices: ['us-secretary-of-state'] },
  { form: 'vị thống đốc', offices: ['us-alaska-governor'] },
  { form: 'ông thống đốc', offices: ['us-alaska-governor'] },
];

