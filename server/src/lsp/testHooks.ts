/**
 * Test-only notifications, sent only when the server runs with TOPOLOGY_TEST_HOOKS=1: each step
 * of each document's analysis (AnalysisEvent), so the robustness tests can count analyses.
 */
export const ANALYSIS_EVENT_METHOD = 'topology/test/analysis';
