import type { Queryable } from '../db.ts';
import { importCategoryTree, type CategoryTreeMain, type Deadline } from '../../domain/categories/index.ts';

const workdays = (amount: number): Deadline => ({ amount, unit: 'workdays' });
const days = (amount: number): Deadline => ({ amount, unit: 'days' });

/** The enforcement subjects of a Dutch municipality, with Signalen-like deadlines. */
export const haarlemCategoryTree: CategoryTreeMain[] = [
  {
    code: 'afval',
    nameNl: 'Afval',
    nameEn: 'Waste',
    subcategories: [
      { code: 'veeg-zwerfvuil', nameNl: 'Veeg- / zwerfvuil', nameEn: 'Litter', deadline: workdays(3) },
      {
        code: 'grofvuil',
        nameNl: 'Grofvuil',
        nameEn: 'Bulky waste',
        deadline: workdays(5),
        questions: [
          {
            code: 'soort',
            datatype: 'singlevaluelist',
            required: true,
            descriptionNl: 'Wat voor grofvuil is het?',
            descriptionEn: 'What kind of bulky waste is it?',
            values: [
              { key: 'meubels', name: 'Meubels / Furniture' },
              { key: 'matras', name: 'Matras / Mattress' },
              { key: 'elektrisch', name: 'Elektrische apparaten / Electrical appliances' },
              { key: 'anders', name: 'Anders / Other' },
            ],
          },
        ],
      },
      {
        code: 'huisafval-naast-container',
        nameNl: 'Huisafval naast container',
        nameEn: 'Household waste next to a container',
        deadline: workdays(3),
      },
      { code: 'hondenpoep', nameNl: 'Hondenpoep', nameEn: 'Dog fouling', deadline: days(21) },
      {
        code: 'fietswrak',
        nameNl: 'Fietswrak',
        nameEn: 'Abandoned bicycle',
        deadline: workdays(10),
        questions: [
          {
            code: 'aantal',
            datatype: 'number',
            required: false,
            descriptionNl: 'Hoeveel fietswrakken staan er?',
            descriptionEn: 'How many abandoned bicycles are there?',
          },
        ],
      },
    ],
  },
  {
    code: 'parkeren',
    nameNl: 'Parkeren',
    nameEn: 'Parking',
    subcategories: [
      { code: 'parkeeroverlast', nameNl: 'Parkeeroverlast', nameEn: 'Parking nuisance', deadline: workdays(3) },
      { code: 'fout-geparkeerd', nameNl: 'Fout geparkeerd', nameEn: 'Illegally parked vehicle', deadline: workdays(3) },
      { code: 'autowrak', nameNl: 'Autowrak', nameEn: 'Abandoned vehicle', deadline: workdays(10) },
    ],
  },
  {
    code: 'openbare-orde',
    nameNl: 'Openbare orde',
    nameEn: 'Public order',
    subcategories: [
      {
        code: 'jongerenoverlast',
        nameNl: 'Jongerenoverlast',
        nameEn: 'Nuisance by youths',
        deadline: workdays(3),
        public: false,
      },
      {
        code: 'drank-en-drugsoverlast',
        nameNl: 'Drank- en drugsoverlast',
        nameEn: 'Alcohol and drug nuisance',
        deadline: days(1),
        urgent: true,
        public: false,
      },
      { code: 'wildplassen', nameNl: 'Wildplassen', nameEn: 'Public urination', deadline: workdays(3) },
      {
        code: 'vuurwerkoverlast',
        nameNl: 'Vuurwerkoverlast',
        nameEn: 'Fireworks nuisance',
        deadline: days(1),
        urgent: true,
      },
      // Noise is about a dwelling: even snapped to 10 m the public map would point at the neighbours complained about.
      {
        code: 'geluidsoverlast',
        nameNl: 'Geluidsoverlast',
        nameEn: 'Noise nuisance',
        deadline: days(1),
        urgent: true,
        public: false,
      },
      {
        code: 'overlast-terrassen',
        nameNl: 'Overlast terrassen',
        nameEn: 'Nuisance from terraces',
        deadline: workdays(5),
      },
    ],
  },
  {
    code: 'openbare-ruimte',
    nameNl: 'Openbare ruimte',
    nameEn: 'Public space',
    subcategories: [
      {
        code: 'graffiti-wildplak',
        nameNl: 'Graffiti / wildplak',
        nameEn: 'Graffiti / fly-posting',
        deadline: workdays(5),
      },
      {
        code: 'uitstallingen-reclameborden',
        nameNl: 'Uitstallingen en reclameborden',
        nameEn: 'Shop displays and A-boards',
        deadline: workdays(5),
      },
    ],
  },
];

/** Adds the default Haarlem tree; existing codes are left as they are, so running it twice is harmless. */
export function seedHaarlemCategories(
  deps: { db: Queryable },
  municipalityCode = 'GM0392',
): Promise<{ created: number }> {
  return importCategoryTree(deps, municipalityCode, haarlemCategoryTree);
}
