/** The one part of astronomia (untyped) that `holiday-astronomy.ts` touches. */
declare module "astronomia" {
  export const planetposition: {
    readonly Planet: { readonly prototype: { position(jde: number): unknown } };
  };
}
