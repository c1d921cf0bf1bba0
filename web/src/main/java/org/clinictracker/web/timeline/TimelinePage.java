package org.clinictracker.web.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's follow-up story: the chart of pain and relief over time with the procedures marked, the same data
 * as a table (the chart's text alternative), then every entry of the timeline in time order. One API call: the
 * timeline carries the procedures (with their pain before) beside the plans, visits, outcomes and candidates.
 */
@Controller
class TimelinePage {

    private final ClinicApi api;
    private final TimelineWords words;
    private final JsonMapper json;

    TimelinePage(ClinicApi api, TimelineWords words, JsonMapper json) {
        this.api = api;
        this.words = words;
        this.json = json;
    }

    @GetMapping("/patients/{patientId}/timeline")
    String timeline(@PathVariable UUID patientId, Model model) {
        Map<String, Object> timeline = api.get("/api/followups/timeline", Map.of("patientId", patientId));
        List<Map<String, Object>> entries = entries(timeline);
        PainReliefChart chart = PainReliefChart.of(entries, words);
        model.addAttribute("patientId", patientId);
        model.addAttribute("timeline", timeline);
        model.addAttribute("chart", chart);
        model.addAttribute("chartJson", json.writeValueAsString(chart.config()));
        model.addAttribute("lines", entries.stream().map(words::line).toList());
        return "timeline/timeline";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> timeline) {
        List<Map<String, Object>> entries = new ArrayList<>();
        if (timeline != null && timeline.get("entries") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    entries.add((Map<String, Object>) map);
                }
            }
        }
        return entries;
    }
}
