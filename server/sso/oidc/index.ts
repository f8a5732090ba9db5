export { beginOidcSignIn, finishOidcSignIn, type OidcProviderSettings } from "./sign-in";
export { type OidcConnectionReport, testOidcConnection } from "./test-connection";
