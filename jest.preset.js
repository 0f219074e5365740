// Shared jest settings: @swc/jest keeps decorator metadata (Nest DI needs it), the
// workspace is ESM so jest runs with --experimental-vm-modules, and @omnistock/* maps
// to the libs' sources so tests never depend on a build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = dirname(fileURLToPath(import.meta.url));

export function projectJestConfig(projectRoot, overrides = {}) {
  return {
    rootDir: projectRoot,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          swcrc: false,
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              useDefineForClassFields: false,
            },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'es6' },
        },
      ],
    },
    moduleNameMapper: {
      '^@omnistock/seed$': join(workspaceRoot, 'tools/seed/index.ts'),
      '^@omnistock/app-([a-z-]+)$': join(workspaceRoot, 'apps/$1/src/index.ts'),
      '^@omnistock/([a-z-]+)$': join(workspaceRoot, 'libs/$1/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.test.ts'],
    testTimeout: 60_000,
    ...overrides,
  };
}
