package org.clinictracker.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape every clinic list answers:
 * {@code {"content": [...], "page": {"size", "number", "totalElements", "totalPages"}}}.
 */
public record PageOf<T>(List<T> content, PageMetadata page) {

    public record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }

    public static <T> PageOf<T> of(List<T> content, PageRequest request, long totalElements) {
        int totalPages = (int) ((totalElements + request.size() - 1) / request.size());
        return new PageOf<>(content, new PageMetadata(request.size(), request.page(), totalElements, totalPages));
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(content.stream().map(mapper).toList(), page);
    }
}
