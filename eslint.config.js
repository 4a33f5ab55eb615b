// Lint rules follow Pepr's limits (see docs/architecture.md): small, flat functions.
import tseslint from 'typescript-eslint';

/** One no-restricted-imports block per folder: a relative import reaching a forbidden top folder fails. */
function boundaries(rules) {
  return rules.map(([files, forbidden, message]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden.map((dir) => ({ regex: `^(\\.\\./)+${dir}/`, message })) }],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.openstack-sim/', 'crds/types.generated.ts', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      complexity: ['error', 12],
      'max-depth': ['error', 3],
      'max-params': ['error', 4],
      'max-lines-per-function': ['error', { max: 45, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 320, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Route handlers and KubeClient methods are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The two programs share only crds/ (the API package): neither imports the other, and crds/
  // imports neither.
  ...boundaries([
    ['api-server/**/*.ts', ['operator'], 'The API server may import only from crds/, never from operator/.'],
    ['operator/**/*.ts', ['api-server'], 'The operator may import only from crds/, never from api-server/.'],
    ['crds/**/*.ts', ['operator', 'api-server'], 'crds/ is shared by both programs and imports neither.'],
  ]),
  {
    files: ['test/**/*.ts'],
    rules: {
      'max-lines-per-function': 'off',
      'max-params': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/explicit-function-return-type': 'off',
      // Tests read JSON response bodies whose shape is the thing under test.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
