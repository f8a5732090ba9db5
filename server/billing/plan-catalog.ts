import type { TeamProduct } from "../permissions";

/**
 * The plans on sale. A subscription stores its plan code and catalog version, so a later
 * version of a plan never rewrites an existing contract.
 */
export interface Plan {
  code: string;
  version: number;
  product: TeamProduct;
  name: string;
  minimumSeats: number;
  includedStorageGb: number;
  includedDataTransferGb: number;
  computeSize: string | null;
  flows: number;
  monthlyRequests: number;
}

export const PLANS: readonly Plan[] = [
  { code: "fmc-essentials", version: 1, product: "filemaker_cloud", name: "Essentials", minimumSeats: 5, includedStorageGb: 60, includedDataTransferGb: 240, computeSize: "small", flows: 0, monthlyRequests: 0 },
  { code: "fmc-standard", version: 1, product: "filemaker_cloud", name: "Standard", minimumSeats: 5, includedStorageGb: 160, includedDataTransferGb: 1200, computeSize: "medium", flows: 0, monthlyRequests: 0 },
  { code: "fmc-premium", version: 1, product: "filemaker_cloud", name: "Premium", minimumSeats: 10, includedStorageGb: 480, includedDataTransferGb: 3600, computeSize: "large", flows: 0, monthlyRequests: 0 },
  { code: "connect-starter", version: 1, product: "claris_connect", name: "Starter", minimumSeats: 0, includedStorageGb: 0, includedDataTransferGb: 0, computeSize: null, flows: 3, monthlyRequests: 10_000 },
  { code: "connect-pro", version: 1, product: "claris_connect", name: "Pro", minimumSeats: 0, includedStorageGb: 0, includedDataTransferGb: 0, computeSize: null, flows: 10, monthlyRequests: 50_000 },
  { code: "connect-advanced", version: 1, product: "claris_connect", name: "Advanced", minimumSeats: 0, includedStorageGb: 0, includedDataTransferGb: 0, computeSize: null, flows: 25, monthlyRequests: 250_000 },
];

export function findPlan(code: string, version: number): Plan | undefined {
  return PLANS.find((plan) => plan.code === code && plan.version === version);
}

export function currentPlan(code: string): Plan | undefined {
  return PLANS.filter((plan) => plan.code === code).sort((a, b) => b.version - a.version)[0];
}
