import type { Deps } from '../context.js';
import { createConstraintsService } from './constraints.service.js';
import { createImportService } from './import.service.js';
import { createPeopleService } from './people.service.js';
import { createProgramsService } from './programs.service.js';
import { createTransferService } from './transfer.service.js';

/** Every service, built once per app from the same explicit dependencies. */
export function createServices(deps: Deps) {
  return {
    people: createPeopleService(deps),
    programs: createProgramsService(deps),
    constraints: createConstraintsService(deps),
    imports: createImportService(deps),
    transfer: createTransferService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
