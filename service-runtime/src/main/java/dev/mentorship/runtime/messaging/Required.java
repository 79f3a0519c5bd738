package dev.mentorship.runtime.messaging;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an event the consuming service cannot do without: it must be present and not null (nor, for a list, hold a null),
 * else binding the data fails and the event is poison, dead-lettered. {@code @JsonProperty(required = true)} alone
 * lets an explicit {@code null} through; a null participantId would then, for one, erase what names "null".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@JacksonAnnotationsInside
@JsonProperty(required = true)
@JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
public @interface Required {
}
