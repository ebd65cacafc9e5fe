/** All services of the domain, built once by a composition root from the same dependencies. */
import { AccountsService } from "./services/accounts.service.ts";
import { AnnotationsService } from "./services/annotations.service.ts";
import { AuthService } from "./services/auth.service.ts";
import { ContainersService } from "./services/containers.service.ts";
import type { ScriptRunner } from "./ports/index.ts";
import { JobEventHub } from "./services/job-events.ts";
import { JobsService } from "./services/jobs.service.ts";
import type { ServiceDeps } from "./services/ports.ts";
import type { ScriptSettings } from "./services/script-settings.ts";
import { ScriptsService } from "./services/scripts.service.ts";
import { ImportService } from "./services/import.service.ts";
import { PixelsService } from "./services/pixels.service.ts";
import { RoisService } from "./services/rois.service.ts";
import { MeasureService } from "./services/measure.service.ts";
import { ImageUploadsService } from "./services/image-uploads.service.ts";

export interface Services {
  readonly auth: AuthService;
  readonly accounts: AccountsService;
  readonly containers: ContainersService;
  readonly rois: RoisService;
  readonly annotations: AnnotationsService;
  readonly imports: ImportService;
  readonly pixels: PixelsService;
  readonly measure: MeasureService;
  readonly imageUploads: ImageUploadsService;
  readonly scripts: ScriptsService;
  readonly jobs: JobsService;
  readonly jobEvents: JobEventHub;
}

/** What the scripts-and-jobs services need beyond storage. */
export interface ScriptingDeps {
  readonly runner: ScriptRunner;
  readonly settings: ScriptSettings;
  /** Called after a launch so the dispatcher picks the job up at once. */
  readonly wake: () => void;
}

export function createServices(deps: ServiceDeps, scripting: ScriptingDeps): Services {
  const auth = new AuthService(deps);
  const scripts = new ScriptsService(deps, scripting.runner, scripting.settings);
  const jobEvents = new JobEventHub();
  const [containers, annotations, imports, pixels] = [new ContainersService(deps), new AnnotationsService(deps), new ImportService(deps), new PixelsService(deps)];
  return {
    auth,
    scripts,
    jobEvents,
    jobs: new JobsService(deps, { runner: scripting.runner, scripts, auth, events: jobEvents, settings: scripting.settings, wake: scripting.wake }),
    accounts: new AccountsService(deps),
    containers,
    rois: new RoisService(deps),
    annotations,
    imports,
    pixels,
    measure: new MeasureService(deps, pixels),
    imageUploads: new ImageUploadsService(deps, { imports, containers, annotations }),
  };
}
