/**
 * The people of Northwind Mutual, a composite insurer with a savings and investments arm. `handle` is
 * how the demo data names a person (sponsor, constraint owner); it is not stored.
 */

export interface DemoPerson {
  readonly handle: string;
  readonly name: string;
  readonly email: string;
  readonly title: string;
}

/** Every e-mail in the demo uses this reserved domain, so no message can reach a real mailbox. */
export const DEMO_EMAIL_DOMAIN = 'northwind-mutual.example';

export const DEMO_PEOPLE = [
  { handle: 'ceo', name: 'Adebayo Okonkwo', email: 'adebayo.okonkwo@northwind-mutual.example', title: 'Group Chief Executive' },
  { handle: 'cfo', name: 'Thomas Lindqvist', email: 'thomas.lindqvist@northwind-mutual.example', title: 'Chief Financial Officer' },
  { handle: 'ned', name: 'Victoria Ashworth', email: 'victoria.ashworth@northwind-mutual.example', title: 'Non-Executive Director, Chair of the Board Risk Committee' },
  { handle: 'coo', name: 'Helena Marsh', email: 'helena.marsh@northwind-mutual.example', title: 'Chief Operating Officer' },
  { handle: 'cro', name: 'Rajesh Iyer', email: 'rajesh.iyer@northwind-mutual.example', title: 'Chief Risk Officer' },
  { handle: 'cdo', name: 'Ngozi Adeyemi', email: 'ngozi.adeyemi@northwind-mutual.example', title: 'Chief Data Officer' },
  { handle: 'cio', name: 'Mei-Ling Chen', email: 'mei-ling.chen@northwind-mutual.example', title: 'Chief Information Officer' },
  { handle: 'ciso', name: 'Elena Petrova', email: 'elena.petrova@northwind-mutual.example', title: 'Chief Information Security Officer' },
  { handle: 'counsel', name: 'Olivia Bennett', email: 'olivia.bennett@northwind-mutual.example', title: 'General Counsel' },
  { handle: 'customer', name: 'Beatriz Santos', email: 'beatriz.santos@northwind-mutual.example', title: 'Director of Customer Service' },
  { handle: 'claims', name: "Daniel O'Connor", email: 'daniel.oconnor@northwind-mutual.example', title: 'Head of Claims Operations' },
  { handle: 'modelrisk', name: 'Fatima Al-Sayed', email: 'fatima.al-sayed@northwind-mutual.example', title: 'Model Risk Manager' },
  { handle: 'dpo', name: 'Lucía Fernández', email: 'lucia.fernandez@northwind-mutual.example', title: 'Data Protection Officer' },
  { handle: 'platform', name: 'Kwame Mensah', email: 'kwame.mensah@northwind-mutual.example', title: 'ML Platform Lead' },
  { handle: 'dataeng', name: 'Carmen Ruiz', email: 'carmen.ruiz@northwind-mutual.example', title: 'Data Engineering Manager' },
  { handle: 'datasci', name: 'Yuki Tanaka', email: 'yuki.tanaka@northwind-mutual.example', title: 'Lead Data Scientist, Counter-Fraud and Claims' },
  { handle: 'architect', name: 'Leila Haddad', email: 'leila.haddad@northwind-mutual.example', title: 'Enterprise Architect' },
  { handle: 'hrbp', name: 'Sarah Goldberg', email: 'sarah.goldberg@northwind-mutual.example', title: 'HR Business Partner, Operations' },
  { handle: 'financebp', name: 'Arjun Patel', email: 'arjun.patel@northwind-mutual.example', title: 'Finance Business Partner, Operations and Technology' },
  { handle: 'servicedesk', name: 'Marcus Webb', email: 'marcus.webb@northwind-mutual.example', title: 'Service Desk Manager' },
  { handle: 'change', name: 'Hannah Kowalczyk', email: 'hannah.kowalczyk@northwind-mutual.example', title: 'Change and Adoption Lead' },
  { handle: 'mlro', name: 'Ingrid Johansson', email: 'ingrid.johansson@northwind-mutual.example', title: 'Money Laundering Reporting Officer, Head of Financial Crime' },
  { handle: 'kycops', name: 'Tomasz Nowak', email: 'tomasz.nowak@northwind-mutual.example', title: 'KYC Operations Team Leader, Edinburgh' },
  { handle: 'fraud', name: 'Aisha Rahman', email: 'aisha.rahman@northwind-mutual.example', title: 'Head of Counter-Fraud Investigations' },
  { handle: 'compliance', name: 'Oluwaseun Balogun', email: 'oluwaseun.balogun@northwind-mutual.example', title: 'Head of Compliance Monitoring' },
  { handle: 'legalops', name: 'Samuel Osei', email: 'samuel.osei@northwind-mutual.example', title: 'Legal Operations Manager' },
  { handle: 'procurement', name: 'Priya Raman', email: 'priya.raman@northwind-mutual.example', title: 'Head of Procurement and Supplier Management' },
  { handle: 'wfm', name: 'Gareth Hughes', email: 'gareth.hughes@northwind-mutual.example', title: 'Workforce Planning Manager, Customer Operations' },
] as const satisfies readonly DemoPerson[];

/** How the demo data names a person. */
export type PersonHandle = (typeof DEMO_PEOPLE)[number]['handle'];

/**
 * E-mails of the three people who sit on the board (two executive directors and the chair of the
 * board risk committee): where board-level escalations go once the product models the board.
 */
export const boardMembers: readonly string[] = [
  'adebayo.okonkwo@northwind-mutual.example',
  'thomas.lindqvist@northwind-mutual.example',
  'victoria.ashworth@northwind-mutual.example',
];
