// The built-in plans' index (id, title, year, number of indicators), made by the build from the catalog
// (excel-addin/scripts/build.ts), so the plan picker needs no plan data at start.
declare module "virtual:plan-index" {
  const index: { id: string; title: string; issuer: string; year: number; indicators: number }[];
  export default index;
}
