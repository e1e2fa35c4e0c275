import type { LandUseMessages } from './land-use-zh-CN';

// English strings of the land-use findings. Units come formatted in the UI's language (mu, 10k yuan).

/** The articles the API cites (as printed, 第…条), numbered the English way. */
const ARTICLES: Readonly<Record<string, string>> = {
  第二条: 'Art. 2',
  第八条: 'Art. 8',
  '第十四条第（一）项': 'Art. 14 (1)',
  '第十四条第（二）项': 'Art. 14 (2)',
};

const parcels = (count: string) => (count === '1' ? '1 parcel' : `${count} parcels`);

export const landUseEn: LandUseMessages = {
  landUse: {
    kinds: { idle: 'Idle land', underused: 'Under-used', unsupplied: 'Unsupplied', lowYield: 'Suspected low-yield' },
    rules: {
      notStartedOneYearAfterAgreedStart: 'Not started a full year after the agreed start',
      stoppedUnderDeveloped: 'Started, under-developed and stopped for a full year (discretionary)',
      belowLandUseControl: 'Building coverage or plot ratio below the control',
      completedWithoutBuildings: 'Completed, no building on record: under-used or building data missing, to check',
      parcelNotSupplied: 'Parcel not yet supplied',
      noParcel: 'Park land outside any parcel',
      overdueCompletion: 'Over two years past the agreed completion',
      completedUnderperforming: 'Completed two years, investment or output under half the contract',
      halted: 'Halted or half-halted for a year',
      bottomTaxPerMu: "Tax per mu in the county's bottom 10 %",
      repeatedGrade: 'Grade D two years running',
    },
    possibleDataGap: (count: string) => `of which completed, no building on record (to check): ${parcels(count)}`,
    since: 'From',
    agreedStartOn: 'Agreed start',
    workStoppedOn: 'Work stopped',
    idleSince: 'Idle since',
    daysIdle: 'Days idle',
    daysIdleValue: (days: string) => `${days} days (from the idle-since date)`,
    feeDueFrom: 'Idle-land fee due from',
    takeBackFrom: 'May be taken back from',
    reached: 'reached',
    notYetReached: 'not yet',
    fee: 'Idle-land fee',
    noFeeGovernment: 'Government cause: no fee, no take-back',
    noFeeUnknownCause: 'Cause not recorded: fee and take-back to check',
    noLandPrice: 'No land price on record: amount to check',
    cause: 'Cause',
    causes: { enterprise: 'Enterprise', government: 'Government' },
    article: (article: string) => `Measures on the Disposal of Idle Land (MLR Order No. 53, 2012), ${ARTICLES[article] ?? article}`,
    discretionary: 'Land where work stopped "may be" judged idle: for a person to decide',
    completedOn: 'Completed',
    buildingCoverage: 'Building coverage',
    plotRatio: 'Plot ratio',
    atLeast: (value: string) => `control ≥ ${value}`,
    minPlotRatioWeighted: "The plot-ratio control follows the users' industries, weighted by the floor area each uses",
    noMinPlotRatio: "No plot-ratio control for the users' industries",
    area: 'Area',
    none: 'No idle, low-yield or unsupplied finding',
    total: (count: string, area: string) => `${parcels(count)} · ${area}`,
    areaOnly: (area: string) => area,
    ruleLine: (rule: string, total: string) => `${rule}: ${total}`,
    recoverable: 'Recoverable land',
    recoverableNote:
      'A parcel can be in several kinds. Each total and the recoverable land count a parcel once (under-used land counts only its unbuilt part; unsupplied land includes park land outside parcels).',
    toVerify: (count: string, area: string) => `${count === '1' ? '1 more parcel' : `${count} more parcels`} (${area}) completed with no building on record: to check, not in the recoverable land`,
    legendCount: parcels,
  },
};
