/**
 * jsdom has neither object URLs nor downloads: every test of the file gets object URLs named
 * `url`, and the links a download clicks are recorded instead of followed.
 *
 * @returns the links clicked in the current test, in order
 */
export function mockDownloads(url: string): HTMLAnchorElement[] {
  const clicked: HTMLAnchorElement[] = [];
  beforeEach(() => {
    clicked.length = 0;
    URL.createObjectURL = jest.fn(() => url);
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  return clicked;
}
