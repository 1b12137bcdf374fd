package dev.practicetracker.eventstore.personal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.practicetracker.events.PersonalData;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson's part of crypto-shredding: the components of a record marked {@link PersonalData} are sealed as the record
 * is written and opened as it is read, with the key of the person their {@code owner} component names. Registered
 * only on the event serializer's mapper, so commands, tokens and snapshots are untouched.
 */
public final class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("personal-data");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(
                    SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> writers) {
                Map<String, PersonalData> fields = fieldsOf(description.getBeanClass());
                if (fields.isEmpty()) {
                    return writers;
                }
                List<BeanPropertyWriter> changed = new ArrayList<>(writers.size());
                for (BeanPropertyWriter writer : writers) {
                    PersonalData personal = fields.get(writer.getName());
                    changed.add(
                            personal == null
                                    ? writer
                                    : new Sealing(writer, owner(writers, personal), personal, cipher));
                }
                return changed;
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Map<String, PersonalData> fields = fieldsOf(description.getBeanClass());
                return fields.isEmpty() ? deserializer : new Opening(deserializer, fields, cipher);
            }
        });
    }

    /** The personal components of an event record, by name; empty for every other type. */
    public static Map<String, PersonalData> fieldsOf(Class<?> type) {
        Map<String, PersonalData> fields = new LinkedHashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return fields;
        }
        for (RecordComponent component : components) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                fields.put(component.getName(), personal);
            }
        }
        return fields;
    }

    private static BeanPropertyWriter owner(List<BeanPropertyWriter> writers, PersonalData personal) {
        for (BeanPropertyWriter writer : writers) {
            if (writer.getName().equals(personal.owner())) {
                return writer;
            }
        }
        throw new IllegalStateException("@PersonalData names owner '" + personal.owner() + "', which is no component");
    }

    /** Writes a personal text field sealed with its owner's key; other values (null) as they are. */
    private static final class Sealing extends BeanPropertyWriter {

        private static final long serialVersionUID = 1L;

        private final BeanPropertyWriter owner;
        private final PersonalData personal;
        private final transient PersonalDataCipher cipher;

        Sealing(BeanPropertyWriter base, BeanPropertyWriter owner, PersonalData personal, PersonalDataCipher cipher) {
            super(base);
            this.owner = owner;
            this.personal = personal;
            this.cipher = cipher;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            Object value = get(bean);
            if (!(value instanceof String plain)) {
                super.serializeAsField(bean, generator, provider);
                return;
            }
            Object ownerId = owner.get(bean);
            if (ownerId == null) {
                throw JsonMappingException.from(
                        provider, "a personal field of " + bean.getClass().getSimpleName() + " has no owner");
            }
            generator.writeFieldName(getName());
            generator.writeString(cipher.seal(ownerId.toString(), plain, personal.kind()));
        }
    }

    /** Opens the personal fields of the JSON object, then lets the record's own deserializer read it. */
    private static final class Opening extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        private final Map<String, PersonalData> fields;
        private final transient PersonalDataCipher cipher;

        Opening(JsonDeserializer<?> delegate, Map<String, PersonalData> fields, PersonalDataCipher cipher) {
            super(delegate);
            this.fields = fields;
            this.cipher = cipher;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Opening(delegate, fields, cipher);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (tree instanceof ObjectNode object) {
                fields.forEach((name, personal) -> {
                    JsonNode value = object.get(name);
                    JsonNode ownerId = object.get(personal.owner());
                    if (value != null && value.isTextual() && ownerId != null && ownerId.isTextual()) {
                        object.put(name, cipher.open(ownerId.asText(), value.asText(), personal.kind()));
                    }
                });
            }
            JsonParser opened = tree.traverse(parser.getCodec());
            opened.nextToken();
            return _delegatee.deserialize(opened, context);
        }
    }
}
