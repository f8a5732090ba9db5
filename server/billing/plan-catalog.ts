import type { TeamProduct } from "../permissions";

export type BillingPeriod = "monthly" | "annual";

/** All prices are integer cents of this one currency. */
export const CURRENCY = "USD";

/** What one billing period costs; annual is cheaper than twelve months. */
export interface PeriodPrices {
  monthly: number;
  annual: number;
}

/** An add-on is sold in whole units, priced per unit and billing period. */
export interface AddOn {
  kind: AddOnKind;
  name: string;
  /** How much one unit adds: GB of storage, GB of data transfer a contract year, API requests a month. */
  unitSize: number;
  unitLabel: string;
  prices: PeriodPrices;
}

export type AddOnKind = "storage" | "dataTransfer" | "requests";

/**
 * The plans on sale. A subscription stores its plan code and catalog version, so a later
 * version of a plan (a new price) never rewrites an existing contract: a change of seats or
 * add-ons, and each renewal, keeps the version the contract has; changing to another plan
 * takes that plan's current version.
 */
export interface Plan {
  code: string;
  version: number;
  /** Only versions on sale are offered; retired versions stay here for the contracts on them. */
  onSale: boolean;
  product: TeamProduct;
  name: string;
  /** FileMaker Cloud: price per seat and period. Claris Connect: price of the plan per period. */
  prices: PeriodPrices;
  pricedPer: "seat" | "plan";
  minimumSeats: number;
  includedStorageGb: number;
  includedDataTransferGb: number;
  computeSize: string | null;
  flows: number;
  monthlyRequests: number;
  /** Add-ons this version of the plan can take, with this version's prices. */
  addOns: readonly AddOn[];
}

const fileMakerAddOns: readonly AddOn[] = [
  { kind: "storage", name: "Extra storage", unitSize: 10, unitLabel: "10 GB", prices: { monthly: 500, annual: 5_000 } },
  {
    kind: "dataTransfer",
    name: "Extra data transfer",
    unitSize: 100,
    unitLabel: "100 GB a contract year",
    prices: { monthly: 900, annual: 9_000 },
  },
];

const connectAddOns: readonly AddOn[] = [
  {
    kind: "requests",
    name: "Extra API requests",
    unitSize: 10_000,
    unitLabel: "10,000 requests a month",
    prices: { monthly: 1_000, annual: 10_000 },
  },
];

const fmc = {
  product: "filemaker_cloud",
  pricedPer: "seat",
  flows: 0,
  monthlyRequests: 0,
  addOns: fileMakerAddOns,
} as const;
const connect = {
  product: "claris_connect",
  pricedPer: "plan",
  minimumSeats: 0,
  includedStorageGb: 0,
  includedDataTransferGb: 0,
  computeSize: null,
  addOns: connectAddOns,
} as const;

export const PLANS: readonly Plan[] = [
  // Version 1 of Essentials was cheaper; contracts on it keep its price.
  {
    ...fmc,
    code: "fmc-essentials",
    version: 1,
    onSale: false,
    name: "Essentials",
    prices: { monthly: 1_900, annual: 19_000 },
    minimumSeats: 5,
    includedStorageGb: 60,
    includedDataTransferGb: 240,
    computeSize: "small",
  },
  {
    ...fmc,
    code: "fmc-essentials",
    version: 2,
    onSale: true,
    name: "Essentials",
    prices: { monthly: 2_100, annual: 21_000 },
    minimumSeats: 5,
    includedStorageGb: 60,
    includedDataTransferGb: 240,
    computeSize: "small",
  },
  {
    ...fmc,
    code: "fmc-standard",
    version: 1,
    onSale: true,
    name: "Standard",
    prices: { monthly: 3_900, annual: 39_000 },
    minimumSeats: 5,
    includedStorageGb: 160,
    includedDataTransferGb: 1200,
    computeSize: "medium",
  },
  {
    ...fmc,
    code: "fmc-premium",
    version: 1,
    onSale: true,
    name: "Premium",
    prices: { monthly: 5_900, annual: 59_000 },
    minimumSeats: 10,
    includedStorageGb: 480,
    includedDataTransferGb: 3600,
    computeSize: "large",
  },
  {
    ...connect,
    code: "connect-starter",
    version: 1,
    onSale: true,
    name: "Starter",
    prices: { monthly: 4_900, annual: 49_000 },
    flows: 3,
    monthlyRequests: 10_000,
  },
  {
    ...connect,
    code: "connect-pro",
    version: 1,
    onSale: true,
    name: "Pro",
    prices: { monthly: 14_900, annual: 149_000 },
    flows: 10,
    monthlyRequests: 50_000,
  },
  {
    ...connect,
    code: "connect-advanced",
    version: 1,
    onSale: true,
    name: "Advanced",
    prices: { monthly: 39_900, annual: 399_000 },
    flows: 25,
    monthlyRequests: 250_000,
  },
];

export function findPlan(code: string, version: number): Plan | undefined {
  return PLANS.find((plan) => plan.code === code && plan.version === version);
}

/** The version of a plan that new contracts and plan changes get. */
export function currentPlan(code: string): Plan | undefined {
  return PLANS.filter((plan) => plan.code === code && plan.onSale).sort((a, b) => b.version - a.version)[0];
}

/** The plans a team of that product can change to, cheapest first. */
export function plansOnSale(product: TeamProduct): Plan[] {
  return PLANS.filter((plan) => plan.product === product && plan.onSale).sort(
    (a, b) => a.prices.monthly - b.prices.monthly,
  );
}

export function addOnOf(plan: Plan, kind: AddOnKind): AddOn | undefined {
  return plan.addOns.find((addOn) => addOn.kind === kind);
}
