import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A busy 2-core CI machine renders MUI dialogs slowly; wait longer than the 1 s default for
// what a user would see.
configure({ asyncUtilTimeout: 5000 });
// The package.json "jest" field is not read by `backstage-cli repo test`; set it here.
jest.setTimeout(30_000);
