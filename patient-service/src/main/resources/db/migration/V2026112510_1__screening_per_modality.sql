-- Screening follows the modality: the rules' result for each modality, and which modalities an override
-- decides for. Stored as JSON: read and written whole with their screening.
ALTER TABLE screening ADD COLUMN modality_results jsonb;

-- Screenings recorded before: every modality keeps the recorded verdict, except that cryoneurolysis now
-- also weighs the cold-specific answer (earlier screenings planned for RFA or a block ignored it).
UPDATE screening SET modality_results = jsonb_build_array(
    CASE
        WHEN answers ->> 'coldIntolerance' = 'true' AND NOT reason_codes ? 'COLD_INTOLERANCE' THEN
            jsonb_build_object('modality', 'CRYONEUROLYSIS', 'result', 'NOT_ELIGIBLE',
                'reasonCodes', reason_codes || '["COLD_INTOLERANCE"]'::jsonb, 'unanswered', unanswered)
        WHEN answers ->> 'coldIntolerance' IS NULL AND NOT unanswered ? 'coldIntolerance' THEN
            jsonb_build_object('modality', 'CRYONEUROLYSIS',
                'result', CASE WHEN result = 'NOT_ELIGIBLE' THEN 'NOT_ELIGIBLE' ELSE 'NEEDS_REVIEW' END,
                'reasonCodes', CASE WHEN reason_codes ? 'INCOMPLETE_ANSWERS' THEN reason_codes
                                    ELSE reason_codes || '["INCOMPLETE_ANSWERS"]'::jsonb END,
                'unanswered', unanswered || '["coldIntolerance"]'::jsonb)
        ELSE jsonb_build_object('modality', 'CRYONEUROLYSIS', 'result', result, 'reasonCodes', reason_codes,
                'unanswered', unanswered)
    END,
    jsonb_build_object('modality', 'RADIOFREQUENCY_ABLATION', 'result', result, 'reasonCodes', reason_codes,
        'unanswered', unanswered),
    jsonb_build_object('modality', 'NERVE_BLOCK', 'result', result, 'reasonCodes', reason_codes,
        'unanswered', unanswered));

ALTER TABLE screening ALTER COLUMN modality_results SET NOT NULL;

-- the modalities an override decides for; empty: every modality (a screening that found the same for all)
ALTER TABLE screening_override ADD COLUMN modalities jsonb NOT NULL DEFAULT '[]';
