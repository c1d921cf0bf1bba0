package org.clinictracker.web.report;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outcome reports as followup-service answers them ({@code OutcomeReport} as JSON, nulls left out), with figures
 * chosen so that each verdict appears once: the page's words are checked against these numbers.
 */
final class ReportAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportAnswers() {
    }

    static Map<String, Object> object(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }

    /** The nerve catalogue's two knee nerves (the report names nerves by code). */
    static List<Map<String, Object>> kneeNerves() {
        return JSON.readValue("""
                [{"code":"SUPEROMEDIAL_GENICULAR","name":"Superomedial genicular nerve","region":"KNEE","levels":[]},
                 {"code":"INFRAPATELLAR_BRANCH_SAPHENOUS","name":"Infrapatellar branch of the saphenous nerve","region":"KNEE","levels":[]}]
                """, new TypeReference<List<Map<String, Object>>>() {
        });
    }

    /**
     * Twenty procedures: 12 cryoneurolysis, 8 RFA; 14 on knee osteoarthritis (the published pain reduction and
     * responder share apply); one nerve group of a single procedure.
     */
    static Map<String, Object> clinic() {
        return object("""
                {"scope":{"from":"2026-01-01","to":"2026-06-30"},"generatedAt":"2026-11-26T07:00:00Z",
                 "overall":{"dimension":"ALL","code":"ALL","label":"All procedures","procedures":20,"patients":18,
                   "windows":[
                     {"window":"MONTH_3","month":3,"assessed":20,"responders":12,
                      "responderShare":{"value":0.6,"lower":0.3866,"upper":0.7812},"lostToFollowUp":3,
                      "assessedOutsideWindow":2,
                      "painScore":{"n":20,"mean":3.1,"lower":2.5,"upper":3.7,"standardDeviation":1.3},
                      "painReduction":{"n":20,"mean":3.9,"lower":3.1,"upper":4.7,"standardDeviation":1.7},
                      "opioidMmePerDay":{"n":8,"mean":20.5,"lower":12.0,"upper":29.0,"standardDeviation":10.2}},
                     {"window":"MONTH_12","month":12,"assessed":0,"responders":0,"lostToFollowUp":5,
                      "painScore":{"n":0},"painReduction":{"n":0},"opioidMmePerDay":{"n":0}},
                     {"window":"MONTH_6","month":6,"assessed":20,"responders":4,
                      "responderShare":{"value":0.2,"lower":0.0807,"upper":0.4160},"lostToFollowUp":0,
                      "painScore":{"n":20,"mean":5.0,"lower":4.4,"upper":5.6,"standardDeviation":1.2},
                      "painReduction":{"n":20,"mean":2.0,"lower":1.2,"upper":2.8,"standardDeviation":1.6},
                      "opioidMmePerDay":{"n":8,"mean":25.0,"lower":15.5,"upper":34.5,"standardDeviation":11.4}}],
                   "reliefDuration":{"subjects":12,"events":8,"censored":4,
                     "steps":[{"day":60,"atRisk":12,"events":2,"censored":0,"survival":0.8333,"lower":0.4817,"upper":0.9555},
                              {"day":150,"atRisk":10,"events":3,"censored":1,"survival":0.5833,"lower":0.2702,"upper":0.8009},
                              {"day":243,"atRisk":6,"events":3,"censored":0,"survival":0.2917,"lower":0.0735,"upper":0.5615},
                              {"day":300,"atRisk":3,"events":0,"censored":3,"survival":0.2917,"lower":0.0735,"upper":0.5615}],
                     "medianDays":{"value":243.0,"lower":150.0,"upper":300.0}},
                   "opioidBefore":{"n":10,"mean":30.0,"lower":22.1,"upper":37.9,"standardDeviation":11.0},
                   "adverseEvents":[
                     {"type":"BRUISING","serious":false,"events":3,"procedures":2,"rate":{"value":0.1,"lower":0.0279,"upper":0.3010}},
                     {"type":"PERMANENT_NERVE_INJURY","serious":true,"events":1,"procedures":1,"rate":{"value":0.05,"lower":0.0089,"upper":0.2361}}],
                   "repeats":{"count":2,"intervalDays":{"n":2,"mean":210.0,"lower":83.0,"upper":337.0,"standardDeviation":14.1}},
                   "patientAnswered":{"visits":40,"answered":12,"share":{"value":0.3,"lower":0.1807,"upper":0.4543}},
                   "published":[]},
                 "byModality":[
                   {"dimension":"MODALITY","code":"CRYONEUROLYSIS","label":"Cryoneurolysis","procedures":12,"patients":11,
                    "windows":[],
                    "reliefDuration":{"subjects":8,"events":5,"censored":3,
                      "steps":[{"day":190,"atRisk":8,"events":2,"censored":0,"survival":0.75,"lower":0.3155,"upper":0.9308},
                               {"day":243,"atRisk":6,"events":3,"censored":1,"survival":0.375,"lower":0.0876,"upper":0.6787},
                               {"day":301,"atRisk":2,"events":0,"censored":2,"survival":0.375,"lower":0.0876,"upper":0.6787}],
                      "medianDays":{"value":243.0,"lower":190.0,"upper":301.0}},
                    "opioidBefore":{"n":0},"adverseEvents":[],"repeats":{"count":0,"intervalDays":{"n":0}},
                    "published":[{"figure":"RELIEF_DURATION_DAYS","low":180.0,"high":360.0,"unit":"days",
                      "text":"cryoneurolysis … 6–12 months of relief","source":"cryoanalgesia-article.txt"}]},
                   {"dimension":"MODALITY","code":"RADIOFREQUENCY_ABLATION","label":"Radiofrequency ablation","procedures":8,"patients":7,
                    "windows":[],
                    "reliefDuration":{"subjects":4,"events":1,"censored":3,
                      "steps":[{"day":380,"atRisk":4,"events":1,"censored":0,"survival":0.75,"lower":0.1938,"upper":0.9608},
                               {"day":420,"atRisk":3,"events":0,"censored":3,"survival":0.75,"lower":0.1938,"upper":0.9608}],
                      "medianDays":{"value":400.0,"lower":370.0}},
                    "opioidBefore":{"n":0},"adverseEvents":[],"repeats":{"count":0,"intervalDays":{"n":0}},
                    "published":[{"figure":"RELIEF_DURATION_DAYS","low":90.0,"high":270.0,"unit":"days",
                      "text":"RFA … 3–9 months of relief","source":"cryoanalgesia-article.txt"}]}],
                 "byIndication":[
                   {"dimension":"INDICATION","code":"KNEE_OSTEOARTHRITIS","label":"Knee osteoarthritis","procedures":14,"patients":13,
                    "windows":[
                      {"window":"MONTH_3","month":3,"assessed":14,"responders":9,
                       "responderShare":{"value":0.6429,"lower":0.3881,"upper":0.8366},"lostToFollowUp":1,
                       "painScore":{"n":14,"mean":2.7,"lower":2.0,"upper":3.4,"standardDeviation":1.2},
                       "painReduction":{"n":14,"mean":4.5,"lower":4.1,"upper":4.9,"standardDeviation":0.7},
                       "opioidMmePerDay":{"n":0}},
                      {"window":"MONTH_6","month":6,"assessed":10,"responders":2,
                       "responderShare":{"value":0.2,"lower":0.0567,"upper":0.5098},"lostToFollowUp":2,
                       "painScore":{"n":10,"mean":5.2,"lower":4.4,"upper":6.0,"standardDeviation":1.1},
                       "painReduction":{"n":10,"mean":2.0,"lower":1.2,"upper":2.8,"standardDeviation":1.1},
                       "opioidMmePerDay":{"n":0}}],
                    "reliefDuration":{"subjects":0,"events":0,"censored":0,"steps":[]},
                    "opioidBefore":{"n":0},"adverseEvents":[],"repeats":{"count":0,"intervalDays":{"n":0}},
                    "published":[
                      {"figure":"PAIN_REDUCTION","low":4.0,"high":5.0,"unit":"points","text":"mean VAS reductions of 4–5 points","source":"cryoanalgesia-article.txt"},
                      {"figure":"RESPONDER_SHARE","high":70.0,"unit":"%","text":"≥ 50 % pain relief in up to 70 % of patients","source":"cryoanalgesia-article.txt"}]}],
                 "byNerve":[
                   {"dimension":"NERVE","code":"SUPEROMEDIAL_GENICULAR","label":"SUPEROMEDIAL_GENICULAR","procedures":1,"patients":1,
                    "windows":[
                      {"window":"MONTH_3","month":3,"assessed":1,"responders":1,
                       "responderShare":{"value":1.0,"lower":0.2065,"upper":1.0},"lostToFollowUp":0,
                       "painScore":{"n":1,"mean":2.0},"painReduction":{"n":1,"mean":5.0},"opioidMmePerDay":{"n":0}}],
                    "reliefDuration":{"subjects":1,"events":0,"censored":1,
                      "steps":[{"day":120,"atRisk":1,"events":0,"censored":1,"survival":1.0}]},
                    "opioidBefore":{"n":1,"mean":15.0},"adverseEvents":[],"repeats":{"count":0,"intervalDays":{"n":0}},
                    "patientAnswered":{"visits":1,"answered":0,"share":{"value":0.0,"lower":0.0,"upper":0.7935}},
                    "published":[]}]}
                """);
    }

    /** Nothing performed in the period: the API's empty report (count 0, no NaN). */
    static Map<String, Object> empty() {
        return object("""
                {"scope":{"from":"2030-01-01","to":"2030-01-31"},"generatedAt":"2026-11-26T07:00:00Z",
                 "overall":{"dimension":"ALL","code":"ALL","label":"All procedures","procedures":0,"patients":0,
                   "windows":[{"window":"MONTH_3","month":3,"assessed":0,"responders":0,"lostToFollowUp":0,
                               "painScore":{"n":0},"painReduction":{"n":0},"opioidMmePerDay":{"n":0}}],
                   "reliefDuration":{"subjects":0,"events":0,"censored":0,"steps":[]},
                   "opioidBefore":{"n":0},"adverseEvents":[],"repeats":{"count":0,"intervalDays":{"n":0}},"published":[]},
                 "byModality":[],"byIndication":[],"byNerve":[]}
                """);
    }
}
