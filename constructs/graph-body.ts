/** A Graph request body of type T, with the `@odata.type` discriminator Graph needs on derived types. */
export type ODataBody<T> = T & { "@odata.type"?: string };
