package dev.practicetracker.query.web;

import java.util.List;

/** One page of a list, with what a client needs to fetch the others. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages);
    }
}
