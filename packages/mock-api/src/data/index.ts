export { demoConnectors, TEST_CONNECTOR_ID, TEST_CONNECTOR_UUID } from './demo.ts';
export { GENERATED_ID_OFFSET, generateConnectors, mulberry32 } from './generate.ts';
