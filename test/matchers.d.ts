// Types of cdktf's jest matchers (registered in test/setup.js).
import type {} from "cdktf/lib/testing/adapters/jest";
