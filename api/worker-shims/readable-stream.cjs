// The runtime's own streams in place of the readable-stream package on Workers (see wrangler.toml, [alias]).
module.exports = require('node:stream');
