module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Shared test helpers that assert are named expect… (expectRefusalShown, expectCheckRow).
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
  },
});
