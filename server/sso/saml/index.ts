export { beginSamlSignIn } from "./begin-saml-sign-in";
export { finishSamlSignIn } from "./finish-saml-sign-in";
export { forgetExpiredSamlAssertions } from "./seen-assertions";
export { serviceProviderMetadata } from "./service-provider-metadata";
export { type SamlConnectionProblem, type SamlConnectionReport, testSamlConnection } from "./test-saml-connection";
