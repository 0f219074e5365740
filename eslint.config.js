// Module boundaries are the architecture: apps never import apps, libs never import apps,
// contracts import nothing of ours. A lint failure here is a design conversation.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.omnistock', '**/coverage', '**/tmp'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // End-to-end tests start services in-process through each app's index; the
          // no-restricted-imports rule below keeps everything but e2e/ away from them.
          allow: ['@omnistock/app-*'],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:infrastructure',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure'],
            },
            {
              sourceTag: 'type:service-kit',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:infrastructure',
                'type:service-kit',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:infrastructure',
                'type:service-kit',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:app',
                'type:contracts',
                'type:infrastructure',
                'type:service-kit',
                'type:testing',
                'type:tool',
              ],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure', 'type:testing'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Apps never import apps, in source or tests; only e2e/ may start them.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@omnistock/app-*'],
              message: 'apps never import apps; talk over NATS through contracts',
            },
          ],
        },
      ],
    },
  },
  {
    // Production code never reaches for test helpers either.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@omnistock/testing', message: 'test helpers stay in tests' }],
          patterns: [
            {
              group: ['@omnistock/app-*'],
              message: 'apps never import apps; talk over NATS through contracts',
            },
          ],
        },
      ],
    },
  },
  prettier,
];
