export * from "./compare";
export * from "./document";
export * from "./teams-policies";
export * from "./validate";
