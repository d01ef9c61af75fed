'use strict';
module.exports = require('./jest-tmp.js').teardown;
