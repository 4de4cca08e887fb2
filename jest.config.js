/** Tests run in tiers: unit (pure logic), integration (real MariaDB + Redis), e2e (the hub over HTTP). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const tier = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  setupFiles: ['reflect-metadata'],
  ...extra,
});
module.exports = {
  projects: [
    tier('unit'),
    tier('integration', { globalSetup: '<rootDir>/tests/support/global-setup.ts', globalTeardown: '<rootDir>/tests/support/global-teardown.ts' }),
    tier('e2e', { globalSetup: '<rootDir>/tests/support/global-setup.ts', globalTeardown: '<rootDir>/tests/support/global-teardown.ts' }),
  ],
  testTimeout: 120000,
};
