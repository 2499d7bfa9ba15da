// cdktf's jest matchers (toHaveResourceWithProperties, ...): pure JSON checks, no terraform.
const cdktf = require("cdktf");
cdktf.Testing.setupJest();
