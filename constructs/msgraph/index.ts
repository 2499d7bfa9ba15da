export * from "./base";
export * from "./provider";
export * from "./resource";
export * from "./update-resource";
export * from "./resource-action";
export * from "./resource-collection";
export * from "./data-resource";
