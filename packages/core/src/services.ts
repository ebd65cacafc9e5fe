/** All services of the domain, built once by a composition root from the same dependencies. */
import { AccountsService } from "./services/accounts.service.ts";
import { AnnotationsService } from "./services/annotations.service.ts";
import { AuthService } from "./services/auth.service.ts";
import { ContainersService } from "./services/containers.service.ts";
import type { ServiceDeps } from "./services/ports.ts";
import { ImportService } from "./services/import.service.ts";
import { PixelsService } from "./services/pixels.service.ts";
import { RoisService } from "./services/rois.service.ts";

export interface Services {
  readonly auth: AuthService;
  readonly accounts: AccountsService;
  readonly containers: ContainersService;
  readonly rois: RoisService;
  readonly annotations: AnnotationsService;
  readonly imports: ImportService;
  readonly pixels: PixelsService;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    auth: new AuthService(deps),
    accounts: new AccountsService(deps),
    containers: new ContainersService(deps),
    rois: new RoisService(deps),
    annotations: new AnnotationsService(deps),
    imports: new ImportService(deps),
    pixels: new PixelsService(deps),
  };
}
