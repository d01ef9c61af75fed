'use strict';
const tmp = require('./jest-tmp.js');
const bundles = require('./test-bundles.js');

module.exports = async () => {
  await tmp.setup();
  await bundles.setup();
};
